"""Every migration of the project's apps runs backwards: each app migrated to zero, in the
order its dependants need, then all forward again, leaves the schema exactly as it was."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# Dependants first: learning stands on cases and appeals, which stand on the ground.
PROJECT_APPS = ["learning", "appeals", "cases", "oversight"]

SCHEMA_QUERIES = {
    "columns": """
        SELECT table_name, column_name, data_type, is_nullable, column_default,
               character_maximum_length, is_identity
        FROM information_schema.columns WHERE table_schema = 'public'""",
    "indexes": "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
    "constraints": """
        SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace""",
    "triggers": """
        SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid)
        FROM pg_trigger WHERE NOT tgisinternal""",
    "functions": """
        SELECT proname, pg_get_functiondef(oid) FROM pg_proc
        WHERE pronamespace = 'public'::regnamespace AND prokind = 'f'""",
    "storage": """
        SELECT relname, reloptions::text FROM pg_class
        WHERE relnamespace = 'public'::regnamespace AND reloptions IS NOT NULL""",
    "extensions": "SELECT extname FROM pg_extension",
}


def schema() -> dict[str, list[tuple]]:
    with connection.cursor() as cursor:
        result = {}
        for part, sql in SCHEMA_QUERIES.items():
            cursor.execute(sql)
            result[part] = sorted(cursor.fetchall(), key=repr)
        return result


def applied(app: str) -> list[str]:
    executor = MigrationExecutor(connection)
    return [name for label, name in executor.loader.applied_migrations if label == app]


@pytest.mark.migrations
@pytest.mark.django_db(transaction=True)
def test_every_project_migration_runs_backwards_and_forwards_again():
    before = schema()
    assert ("pg_trgm",) in before["extensions"]
    for app in PROJECT_APPS:
        call_command("migrate", app, "zero", verbosity=0)
        assert applied(app) == [], app
    # pg_trgm goes last, once no index uses it any more.
    assert ("pg_trgm",) not in schema()["extensions"]
    assert not [t for t in connection.introspection.table_names() if t.startswith("cases_")]
    call_command("migrate", verbosity=0)
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
    assert schema() == before
