from haulage.model.bench import Bench


def test_bench_from_dict_defaults():
    rec = Bench.from_dict({"id": "r1"})
    assert rec.id == "r1"
    assert rec.validate() == []


def test_bench_requires_id():
    assert Bench().validate() == ["id is required"] or "id is required" in Bench().validate()
