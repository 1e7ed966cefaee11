"""Errors about the database file itself. They are the officer's or the installer's problem
(exit code 2 on the command line), not faults of the program."""

import sqlite3

from motcua_desk.domain.errors import DomainError


class StoreError(DomainError):
    code = "store_error"


class NotOurDatabase(StoreError):
    code = "not_our_database"


class DatabaseTooNew(StoreError):
    code = "database_too_new"


class MigrationFailed(StoreError):
    code = "migration_failed"


class DeskNotInitialised(StoreError):
    code = "desk_not_initialised"


# What SQLite itself raises (a backup that cannot be written, a file that is not a database):
# services catch it by this name, so that only the store imports sqlite3.
SQLITE_ERROR = sqlite3.Error
