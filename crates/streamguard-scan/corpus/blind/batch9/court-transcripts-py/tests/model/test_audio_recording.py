from courtrec.model.audio_recording import AudioRecording


def test_audio_recording_from_dict_defaults():
    rec = AudioRecording.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_audio_recording_requires_id():
    assert AudioRecording().validate() == ["id is required"] or "id is required" in AudioRecording().validate()
