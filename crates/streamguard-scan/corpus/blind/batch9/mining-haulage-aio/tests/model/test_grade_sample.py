from haulage.model.grade_sample import GradeSample


def test_grade_sample_from_dict_defaults():
    rec = GradeSample.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_grade_sample_requires_id():
    assert GradeSample().validate() == ["id is required"] or "id is required" in GradeSample().validate()
