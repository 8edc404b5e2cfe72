"""Exit non-zero, saying why, unless PostgreSQL accepts a connection at the given URL."""

import sys

import psycopg


def main() -> int:
    url = sys.argv[1]
    try:
        psycopg.connect(
            url.replace("postgres://", "postgresql://", 1), connect_timeout=5
        ).close()
    except psycopg.OperationalError as error:
        reason = (
            str(error).strip().splitlines()[-1] if str(error).strip() else "no answer"
        )
        print(
            f"PostgreSQL check failed for {url}: {reason}\n"
            "Start PostgreSQL, create the database, or set POSTGRES_URL to one that exists.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
