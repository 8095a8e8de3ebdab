"""The ground every app stands on: organisations, users and roles, the calendar, references,
history, paging, permissions and the shared kernel. It imports no app and nothing above it."""
