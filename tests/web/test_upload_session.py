"""The upload pass (web/upload_session.py): made from the server's token, refused when forged, expired or made
with another token."""

from __future__ import annotations

from tests.conftest import make_settings
from web.upload_session import MAX_AGE_SECONDS, is_valid, make_pass


def test_a_pass_is_checked_against_the_current_token_and_expires(tmp_path):
    settings = make_settings(tmp_path).model_copy(update={"admin_token": "the-token"})
    value = make_pass("the-token", now=1000)
    assert is_valid(settings, value, now=1000) and "the-token" not in value
    assert not is_valid(settings, value, now=1000 + MAX_AGE_SECONDS + 1)  # expired
    assert not is_valid(settings, make_pass("old-token", now=1000), now=1000)  # the token changed
    expiry, signature = value.split(".")
    assert not is_valid(settings, f"{int(expiry) + 3600}.{signature}", now=1000)  # a longer life, forged
    assert not is_valid(settings, value[:-1] + ("0" if value[-1] != "0" else "1"), now=1000)
    for junk in (None, "", "abc", "x.y", "1." + "0" * 200):
        assert not is_valid(settings, junk, now=1000)
    assert not is_valid(settings.model_copy(update={"admin_token": None}), value, now=1000)  # writes disabled
