import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from oversight.core.models import Role
from oversight.core.services import user_create


class Command(BaseCommand):
    help = "Create a user with a role. The password is read from DJANGO_USER_PASSWORD."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument(
            "--organisation", help="Organisation code (required for force_liaison)"
        )
        parser.add_argument("--email", default="")
        parser.add_argument("--noinput", "--no-input", action="store_true", help="Never prompt")

    def handle(self, *args, **options):
        password = os.environ.get("DJANGO_USER_PASSWORD")
        if not password:
            raise CommandError(
                "Set the password in the environment variable DJANGO_USER_PASSWORD."
            )
        try:
            user = user_create(
                username=options["username"],
                role=options["role"],
                password=password,
                organisation_code=options["organisation"],
                email=options["email"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"Created {user.get_role_display().lower()} {user.username}.")
