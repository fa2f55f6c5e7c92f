"""One demo account per role for a demo store (``seed-demo``), marked as demo accounts in the UI.

The officer, reviewer and registrar carry names the demo cases use (``cases/demo.py`` STAFF), so the
officer finds cases assigned to them and the permission rules can be tried on real-looking data.
"""

from __future__ import annotations

from qcy_workstation.accounts.principal import Principal
from qcy_workstation.accounts.service import AccountService

DEFAULT_DEMO_PASSWORD = "qcy-demo-2026"  # written in the README; demo stores only
DEMO_ACCOUNTS = (
    ("demo-admin", "演示管理员", ("admin", "head")),
    ("demo-head", "赵磊", ("head",)),
    ("demo-officer", "张敏", ("officer",)),
    ("demo-reviewer", "王静", ("reviewer",)),
    ("demo-registrar", "陈洁", ("registrar",)),
)


def create_demo_accounts(service: AccountService, password: str = DEFAULT_DEMO_PASSWORD) -> Principal:
    """Create the demo accounts in a store that has none; returns the demo administrator."""
    login, name, _roles = DEMO_ACCOUNTS[0]
    admin = service.create_administrator(login, name, password)
    with service.store.write() as s:  # the first account is a demo account too
        from qcy_workstation.accounts.models import Account

        row = s.get(Account, admin.account_id)
        assert row is not None
        row.demo = True
    for login, name, roles in DEMO_ACCOUNTS[1:]:
        service.create(admin, login, name, roles, password, demo=True, must_change=False)
    return Principal(name=admin.name, roles=admin.roles, account_id=admin.account_id, login=admin.login, demo=True,
                     keys=admin.keys)
