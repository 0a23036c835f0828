from courtrec.model.interpreter import Interpreter


def test_interpreter_from_dict_defaults():
    rec = Interpreter.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_interpreter_requires_id():
    assert Interpreter().validate() == ["id is required"] or "id is required" in Interpreter().validate()
