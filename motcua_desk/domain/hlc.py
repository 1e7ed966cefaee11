"""Hybrid logical clock (Kulkarni et al., 2014) packed into one sortable integer.

value = wall milliseconds << 16 | logical counter. It never goes backwards on a node, it moves
past every remote value the node has seen, and it stays close to real time, so the events of
all desks have one order that respects causality even when a desk's clock is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

COUNTER_BITS = 16
_COUNTER_MASK = (1 << COUNTER_BITS) - 1


def pack(wall_ms: int, counter: int) -> int:
    return wall_ms << COUNTER_BITS | counter


def unpack(value: int) -> tuple[int, int]:
    return value >> COUNTER_BITS, value & _COUNTER_MASK


@dataclass
class HybridClock:
    """`last` is the last value issued or observed; persist it with the events."""

    last: int = 0

    def tick(self, wall_ms: int) -> int:
        """The value for a local event at physical time wall_ms."""
        last_wall, counter = unpack(self.last)
        if wall_ms > last_wall:
            self.last = pack(wall_ms, 0)
        else:
            self.last = self._bump(last_wall, counter)
        return self.last

    def observe(self, remote: int, wall_ms: int) -> int:
        """Merge a value received from another node."""
        last_wall, last_counter = unpack(self.last)
        remote_wall, remote_counter = unpack(remote)
        top = max(last_wall, remote_wall, wall_ms)
        if top == last_wall == remote_wall:
            self.last = self._bump(top, max(last_counter, remote_counter))
        elif top == last_wall:
            self.last = self._bump(top, last_counter)
        elif top == remote_wall:
            self.last = self._bump(top, remote_counter)
        else:
            self.last = pack(top, 0)
        return self.last

    @staticmethod
    def _bump(wall: int, counter: int) -> int:
        if counter >= _COUNTER_MASK:  # 65,535 events in one millisecond: borrow the next one
            return pack(wall + 1, 0)
        return pack(wall, counter + 1)
