"""CSV downloads of filtered lists, streamed so that a large export does not hold memory.

Every text cell is neutralised against formula injection (OWASP, CSV Injection): a
spreadsheet runs a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return as a
formula, and the texts exported (recommendations, the forces' own responses, their
references) are written by people outside the oversight body. Such a cell is written with a
single quote in front, which the spreadsheet shows as text. Numbers the system computed (the
figures' counts and rates) are not text and are written as they are.
"""

import csv
from collections.abc import Iterable, Sequence

from django.http import StreamingHttpResponse

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value):
    """The cell as a spreadsheet will show it, never run it: text beginning with a formula
    character gets a single quote in front; anything else is unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class _Echo:
    """A file-like object whose write returns the line, for csv.writer to hand back."""

    def write(self, value):
        return value


def streaming_csv(
    *, filename: str, header: Sequence[str], rows: Iterable[Sequence]
) -> StreamingHttpResponse:
    """A CSV attachment: the header, then each row as the iterable yields it, every cell
    neutralised against formula injection."""
    writer = csv.writer(_Echo())

    def lines():
        yield writer.writerow([neutralised(cell) for cell in header])
        for row in rows:
            yield writer.writerow([neutralised(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
