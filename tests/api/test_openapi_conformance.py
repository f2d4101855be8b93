"""schemathesis against the app's own OpenAPI document: no 5xx, no response outside its schema."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from app.factory import create_app
from tests.api.conftest import TOKEN


@pytest.fixture(scope="session")
def api_schema(service, corpus_index):
    # The token is not given to schemathesis: every write it tries must be refused, the index stays as it is.
    app = create_app(corpus_index.model_copy(update={"admin_token": TOKEN}), service=service)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance]


def test_api_conforms_to_its_openapi(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 13
    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            case.call_and_validate(checks=CHECKS)

        check()
