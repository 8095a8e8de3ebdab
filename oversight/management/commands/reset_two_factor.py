from django.core.management.base import BaseCommand, CommandError

from oversight.core.models import User
from oversight.core.signin.services import two_factor_reset


class Command(BaseCommand):
    help = (
        "Reset a user's two-factor sign-in (a lost phone): their authenticator app and "
        "recovery codes are removed and they set it up again at their next sign-in. "
        "Check who is asking first, as carefully as when the account was made."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--by", required=True, help="Who authorised the reset (recorded in the history)"
        )

    def handle(self, *args, **options):
        try:
            user = User.objects.get(username=options["username"])
        except User.DoesNotExist:
            raise CommandError(f"No user {options['username']}.") from None
        removed = two_factor_reset(user=user, by=f"{options['by']} (reset_two_factor)")
        if not removed:
            self.stdout.write(f"{user.username} had no two-factor sign-in set up.")
        else:
            self.stdout.write(
                f"Reset two-factor sign-in for {user.username}: they set it up again when "
                "they next sign in."
            )
