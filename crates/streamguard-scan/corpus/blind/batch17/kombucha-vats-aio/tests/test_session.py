from cellar.session import VatSession


def test_may_requires_scope_and_vat():
    s = VatSession({"sub": "brewer-2", "jti": "j", "exp": 0, "scope": "pumps:operate", "vats": ["v-3"]})
    assert s.may("pumps:operate", "v-3")
    assert not s.may("pumps:operate", "v-4")
    assert not s.may("vats:read", "v-3")
