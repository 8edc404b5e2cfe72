from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opd_pages.bootstrap import bootstrap
from opd_pages.demo import create_demo_accounts
from opd_pages.seed_data import DATA_DIR, DataFileError, load_seed_data


class Command(BaseCommand):
    help = (
        "Create the site, the OPD directory, every OPD page with its groups, "
        "collection and workflow, and the public services, from the data files. "
        "Safe to run again: it changes only what the data files changed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=DATA_DIR,
            help=f"Folder holding the data files (default: {DATA_DIR}).",
        )
        parser.add_argument(
            "--demo-accounts",
            action="store_true",
            help="Also create demo editor and moderator accounts for two OPDs. "
            "Never use on a public server.",
        )

    def handle(self, *args, **options):
        try:
            seed = load_seed_data(options["data_dir"])
        except DataFileError as error:
            raise CommandError(str(error)) from error
        report = bootstrap(seed)
        if report.changed_nothing:
            self.stdout.write("bootstrap: everything already up to date.")
        else:
            self.stdout.write(
                f"bootstrap: created {report.created or 'nothing'}, "
                f"updated {report.updated or 'nothing'}."
            )
        if options["demo_accounts"]:
            for line in create_demo_accounts():
                self.stdout.write(line)
