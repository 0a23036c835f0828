from haulage.model.survey_point import SurveyPoint


def test_survey_point_from_dict_defaults():
    rec = SurveyPoint.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_survey_point_requires_id():
    assert SurveyPoint().validate() == ["id is required"] or "id is required" in SurveyPoint().validate()
