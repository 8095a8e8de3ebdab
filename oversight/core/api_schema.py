"""The error answers every API operation can give, declared in the schema once for all.

drf-spectacular declares only the success an operation documents; a client generated from the
schema cannot then parse the 400 of a bad filter, the 404 of an unknown reference or a 429.
This postprocessing hook adds, where the operation does not declare its own:
400 (it takes parameters or a body), 401 and 403 (it needs credentials), 404 (its path names a
record), 409 (it writes), 429 and 503, each with the body the API answers.
"""

ERROR_SCHEMA = {
    "type": "object",
    "description": "{detail: message}",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": True,
}
FIELD_ERRORS_SCHEMA = {
    "type": "object",
    "description": "{field: [message, …]} or {non_field_errors: [message, …]}: nothing written.",
    "additionalProperties": {
        "oneOf": [
            {"type": "array", "items": {"type": "string"}},
            {"type": "string"},
            {"type": "object"},
            {"type": "array", "items": {"type": "object"}},
        ]
    },
}
ERRORS = {
    "400": ("Bad input: the fields in error, each with its message.", FIELD_ERRORS_SCHEMA),
    "401": ("No valid credentials: sign in, or send Authorization: Token <key>.", ERROR_SCHEMA),
    "403": ("Signed in, but not allowed to do this.", ERROR_SCHEMA),
    "404": ("No such record, or not one you may see.", ERROR_SCHEMA),
    "409": ("Someone else changed the record since you read it: read it again.", ERROR_SCHEMA),
    "429": ("Too many requests: wait as Retry-After says.", ERROR_SCHEMA),
    "503": ("The service is unavailable for a moment: retry after Retry-After.", ERROR_SCHEMA),
}
WRITES = {"post", "put", "patch", "delete"}


def _answers(path: str, method: str, operation: dict) -> list[str]:
    codes = ["429", "503"]
    if operation.get("parameters") or operation.get("requestBody"):
        codes.append("400")
    # An operation open to anyone has the empty requirement ({}) among its security options.
    if {} not in operation.get("security", []):
        codes += ["401", "403"]
    if "{" in path:
        codes.append("404")
    if method in WRITES:
        codes.append("409")
    return codes


def declare_error_answers(result, generator, request, public):
    """drf-spectacular POSTPROCESSING_HOOKS entry."""
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for code in _answers(path, method, operation):
                description, schema = ERRORS[code]
                if code not in responses:
                    responses[code] = {
                        "description": description,
                        "content": {"application/json": {"schema": schema}},
                    }
    return result
