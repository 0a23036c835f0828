from courtrec.model.speaker_map import SpeakerMap


def test_speaker_map_from_dict_defaults():
    rec = SpeakerMap.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_speaker_map_requires_id():
    assert SpeakerMap().validate() == ["id is required"] or "id is required" in SpeakerMap().validate()
