from courtrec.model.sentence import Sentence


def test_sentence_from_dict_defaults():
    rec = Sentence.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_sentence_requires_id():
    assert Sentence().validate() == ["id is required"] or "id is required" in Sentence().validate()
