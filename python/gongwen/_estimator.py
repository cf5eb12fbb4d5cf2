"""What gongwen's estimators share with scikit-learn's, without depending on scikit-learn."""

from __future__ import annotations

import inspect
from typing import Any

from ._util import PathLike, as_path

__all__: list[str] = []  # private: what the estimators share


class _Estimator:
    """Parameters as scikit-learn estimators have them, without depending on scikit-learn.

    Every parameter of ``__init__`` is stored unchanged under its own name (scikit-learn's
    ``clone`` checks that) and validated when the estimator is used.
    """

    @classmethod
    def _param_names(cls) -> list[str]:
        signature = inspect.signature(cls.__init__)
        return sorted(name for name in signature.parameters if name != "self")

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The constructor's parameters and their values (as scikit-learn's ``get_params``)."""
        return {name: getattr(self, name) for name in self._param_names()}

    def set_params(self, **params: Any) -> _Estimator:
        """Set parameters by name; returns the estimator (as scikit-learn's ``set_params``)."""
        names = self._param_names()
        for name, value in params.items():
            if name not in names:
                raise ValueError(
                    f"Invalid parameter {name!r} for estimator {type(self).__name__}. "
                    f"Valid parameters are: {names!r}."
                )
            setattr(self, name, value)
        return self

    def __repr__(self) -> str:
        defaults = {
            name: p.default for name, p in inspect.signature(type(self).__init__).parameters.items()
        }
        changed = [
            f"{name}={value!r}"
            for name, value in self.get_params().items()
            if not _same(value, defaults.get(name))
        ]
        return f"{type(self).__name__}({', '.join(changed)})"

    def __sklearn_tags__(self) -> Any:
        """Estimator tags for scikit-learn's Pipeline and GridSearchCV: a transformer of text."""
        from sklearn.utils import InputTags, Tags, TargetTags, TransformerTags

        return Tags(
            estimator_type=None,
            target_tags=TargetTags(required=False),
            transformer_tags=TransformerTags(),
            input_tags=InputTags(two_d_array=False, string=True),
        )


def _same(value: Any, default: Any) -> bool:
    try:
        return bool(value == default) and type(value) is type(default)
    except (TypeError, ValueError):  # numpy arrays and the like
        return value is default


class _SavedAsBytes:
    """Pickling, ``save`` and ``load`` through one byte image made by the core.

    Subclasses give ``_to_bytes()`` (the image: parameters and what was learnt, versioned and
    checksummed by the core) and ``_from_bytes(data, name)`` (which restores it, raising
    ValueError for a damaged image; `name` says where it came from in messages).
    """

    def _to_bytes(self) -> bytes:
        raise NotImplementedError

    def _from_bytes(self, data: bytes, name: str) -> None:
        raise NotImplementedError

    def __getstate__(self) -> dict[str, bytes]:
        return {"gongwen": self._to_bytes()}

    def __setstate__(self, state: dict[str, bytes]) -> None:
        self._from_bytes(state["gongwen"], "<pickle>")

    def save(self, path: PathLike) -> None:
        """Save to a file: the parameters and, when fitted, what was learnt."""
        with open(as_path(path), "wb") as f:
            f.write(self._to_bytes())

    @classmethod
    def load(cls, path: PathLike) -> Any:
        """Load what :meth:`save` wrote; a damaged or foreign file raises ValueError."""
        path = as_path(path)
        with open(path, "rb") as f:
            data = f.read()
        loaded = cls.__new__(cls)
        loaded._from_bytes(data, path)
        return loaded
