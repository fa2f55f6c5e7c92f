"""Staff accounts, roles and permissions, sessions (issue 14).

Who acts is a :class:`Principal` (an authenticated account), passed to every service; permission checks
live in the services and read the table in ``data/permissions.json``. No Qt, no CLI here.
"""

from qcy_workstation.accounts.permissions import may, require
from qcy_workstation.accounts.principal import ROLES, Principal, acting, normalise_name

__all__ = ["ROLES", "Principal", "acting", "may", "normalise_name", "require"]
