from courtrec.common.redaction import RedactionPolicy, policy_for


def test_ssn_and_phone_are_masked():
    p = RedactionPolicy()
    assert p.apply("call 555-123-4567 re 123-45-6789") == "call [PHONE] re [SSN]"


def test_judges_see_names():
    assert policy_for(frozenset({"judge"}), {"Alex": "[MINOR A]"}).apply("Alex said") == "Alex said"
    assert policy_for(frozenset({"press"}), {"Alex": "[MINOR A]"}).apply("Alex said") == "[MINOR A] said"
