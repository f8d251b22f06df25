"""Which hidden cells the published totals give away, and the cheapest way to protect one.

Think of the grid (with margins) as a bipartite graph: one vertex per row, one per column, and one
edge per hidden cell joining its row to its column. A hidden cell can be worked out from the
published figures exactly when its edge lies on no cycle of hidden cells (it is a bridge): round a
cycle, adding 1 to one cell and taking 1 from the next (the other way round at a total) keeps every
line adding up, so the published figures cannot tell the two tables apart; off every cycle, the
cell is fixed by adding and subtracting the lines around it. "A line with exactly one hidden cell" is the simplest
such bridge, but not the only one (two hidden rectangles joined by a single hidden cell).
"""

import heapq
from collections import defaultdict, deque

from .table_grid import Cell, Grid

Vertex = tuple[str, int]


def unprotected_cells(hidden: frozenset[Cell]) -> list[Cell]:
    """Hidden cells that lie on no cycle of hidden cells, in row-major order."""
    neighbours = _neighbours(hidden)
    return [cell for cell in sorted(hidden) if not _connected_without(cell, neighbours)]


def cheapest_cycle_through(cell: Cell, grid: Grid, hidden: frozenset[Cell]) -> set[Cell]:
    """The visible cells whose hiding puts ``cell`` on a cycle of hidden cells, costing least.

    Cost is the total of the counts newly hidden (information lost), then how many cells; hidden
    cells cost nothing. Dijkstra's shortest path from the cell's row to its column, not through the
    cell itself, over every cell of the grid.
    """
    height, width = len(grid), len(grid[0])
    start, goal = ("row", cell[0]), ("column", cell[1])
    best: dict[Vertex, tuple[int, int]] = {start: (0, 0)}
    came_from: dict[Vertex, Cell] = {}
    queue: list[tuple[tuple[int, int], Vertex]] = [((0, 0), start)]
    while queue:
        cost, vertex = heapq.heappop(queue)
        if vertex == goal:
            break
        if cost > best[vertex]:
            continue
        for step, neighbour in _steps(vertex, height, width):
            if step == cell:
                continue
            step_cost = (0, 0) if step in hidden else (grid[step[0]][step[1]], 1)
            candidate = (cost[0] + step_cost[0], cost[1] + step_cost[1])
            if candidate < best.get(neighbour, (float("inf"), 0)):
                best[neighbour] = candidate
                came_from[neighbour] = step
                heapq.heappush(queue, (candidate, neighbour))
    path: set[Cell] = set()
    vertex = goal
    while vertex != start:
        step = came_from[vertex]
        path.add(step)
        vertex = ("row", step[0]) if vertex[0] == "column" else ("column", step[1])
    return path - hidden


def _steps(vertex: Vertex, height: int, width: int):
    kind, index = vertex
    if kind == "row":
        return [((index, column), ("column", column)) for column in range(width)]
    return [((row, index), ("row", row)) for row in range(height)]


def _neighbours(hidden: frozenset[Cell]) -> dict[Vertex, set[Vertex]]:
    neighbours: dict[Vertex, set[Vertex]] = defaultdict(set)
    for row, column in hidden:
        neighbours[("row", row)].add(("column", column))
        neighbours[("column", column)].add(("row", row))
    return neighbours


def _connected_without(cell: Cell, neighbours: dict[Vertex, set[Vertex]]) -> bool:
    """Whether the cell's row still reaches its column through other hidden cells."""
    start, goal = ("row", cell[0]), ("column", cell[1])
    seen, queue = {start}, deque([start])
    while queue:
        vertex = queue.popleft()
        for neighbour in neighbours[vertex]:
            if {vertex, neighbour} == {start, goal}:
                continue  # the cell's own edge
            if neighbour == goal:
                return True
            if neighbour not in seen:
                seen.add(neighbour)
                queue.append(neighbour)
    return False
