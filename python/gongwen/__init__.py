"""gongwen: analysis of Chinese government bulletins."""

from ._core import __version__

__all__ = ["__version__"]
