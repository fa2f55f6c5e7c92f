"""Statistics: the dashboard's figures (SQL aggregates), XLSX export and monthly/annual reports."""

from qcy_workstation.stats.figures import Dashboard, StatsPeriod, StatsService, Table, WorkdayIndex

__all__ = ["Dashboard", "StatsPeriod", "StatsService", "Table", "WorkdayIndex"]
