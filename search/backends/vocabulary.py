"""Known words of the database index, for typo tolerance and "did you mean"."""

from __future__ import annotations

from django.db.models.functions import Length

from ..analysis import is_stopword, tokenize
from ..fuzzy import PREFIX_LENGTH, allowed_edits, edit_distance, may_fuzz
from ..models import SearchTerm

MAX_WORD_LENGTH = 40


class Vocabulary:
    """Look-ups against ``SearchTerm``, cached for one request.

    Corrections and suggestions share the first ``PREFIX_LENGTH`` letters of
    the typed word, which keeps each look-up to a small slice of the table.
    """

    def __init__(self) -> None:
        self._known: dict[str, bool] = {}

    @staticmethod
    def accepts(word: str) -> bool:
        """Whether a word belongs in the vocabulary: alphabetic, 3-40 letters, not a stopword."""
        return (
            3 <= len(word) <= MAX_WORD_LENGTH
            and word.isalpha()
            and not is_stopword(word)
        )

    def is_known(self, word: str) -> bool:
        if word not in self._known:
            self._known[word] = SearchTerm.objects.filter(term=word).exists()
        return self._known[word]

    def candidates(self, word: str, spread: int) -> list[str]:
        return list(
            SearchTerm.objects.annotate(length=Length("term"))
            .filter(
                term__startswith=word[:PREFIX_LENGTH],
                length__gte=len(word) - spread,
                length__lte=len(word) + spread,
            )
            .values_list("term", flat=True)
        )

    def corrections(self, word: str) -> list[str]:
        """Return up to two known words within the allowed edits of an unknown ``word``.

        A word the index contains is never corrected, and neither is one that
        ``may_fuzz`` rejects.
        """
        if not may_fuzz(word) or not self.accepts(word) or self.is_known(word):
            return []
        edits = allowed_edits(word)
        scored = [
            (edit_distance(word, candidate, edits), candidate)
            for candidate in self.candidates(word, edits)
        ]
        return [
            candidate for distance, candidate in sorted(scored) if distance <= edits
        ][:2]

    def suggest_text(self, text: str) -> str | None:
        """Rewrite ``text`` with each unknown word replaced by its closest known word."""
        words = tokenize(text)
        changed = False
        suggestion = []
        for word in words:
            replacement = word
            if self.accepts(word) and not self.is_known(word):
                limit = allowed_edits(word) + 1
                scored = sorted(
                    (edit_distance(word, candidate, limit), candidate)
                    for candidate in self.candidates(word, limit)
                )
                if scored and scored[0][0] <= limit:
                    replacement = scored[0][1]
                    changed = True
            suggestion.append(replacement)
        return " ".join(suggestion) if changed else None
