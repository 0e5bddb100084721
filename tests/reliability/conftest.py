"""The reliability suite's helpers (the bad-file zoo, hostile parser targets) are importable here."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
