from django.core.management.base import BaseCommand, CommandError

from oversight.core.models import User
from oversight.core.services import api_token_create


class Command(BaseCommand):
    help = "Issue an API token for a user and print only the token."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, **options):
        user = User.objects.filter(username=options["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"No active user called “{options['username']}”.")
        self.stdout.write(api_token_create(user=user))
