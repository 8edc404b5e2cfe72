import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create a superuser when none exists: name from ADMIN_USERNAME (default "
        "'admin'), password from ADMIN_PASSWORD, or generated and printed once."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "ensure_admin: a superuser already exists; nothing changed. "
                "To set a new password: .venv/bin/python manage.py changepassword NAME"
            )
            return
        password = os.environ.get("ADMIN_PASSWORD")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        username = os.environ.get("ADMIN_USERNAME", "admin")
        User.objects.create_superuser(
            username=username,
            email=os.environ.get("ADMIN_EMAIL", "admin@localhost"),
            password=password,
        )
        self.stdout.write(
            self.style.SUCCESS(f"ensure_admin: created superuser {username!r}.")
        )
        if generated:
            self.stdout.write(
                f"  password: {password}\n"
                "  It is shown only this once; set ADMIN_PASSWORD to choose your own."
            )
