"""QCY Workstation: headless core of the Qin Chuangyuan IP rights-protection assistance workstation.

Nothing in this package outside ``qcy_workstation.ui`` imports Qt (a test enforces it).
"""

__version__ = "0.1.0"
