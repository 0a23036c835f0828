from unittest import mock

import grpc
import pytest

from courtrec.common import auth


class Ctx:
    def __init__(self, md):
        self._md = md

    def invocation_metadata(self):
        return self._md

    def abort(self, code, details):
        raise RuntimeError((code, details))


def test_missing_token_aborts():
    with pytest.raises(RuntimeError) as e:
        auth.authenticate(Ctx([]))
    assert e.value.args[0][0] == grpc.StatusCode.UNAUTHENTICATED


def test_require_role_rejects_other_roles():
    caller = auth.Caller(sub="u", roles=frozenset({"press"}), courthouses=frozenset(), jti="j", exp=0, raw="t")
    with mock.patch.object(auth, "authenticate", return_value=caller):
        @auth.require_role("clerk")
        def handler(self, request, context, caller):
            return "ok"
        with pytest.raises(RuntimeError):
            handler(None, None, Ctx([]))
