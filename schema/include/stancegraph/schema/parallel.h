// Work cut in pieces that run at once, one thread each. Shared by the
// whole-store counts, the "new since" scan and batched reads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <thread>
#include <vector>

namespace stancegraph::schema {

// Threads worth using for one question: the cores, at most 4.
inline size_t WorkerCount() {
  return std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
}

// Pieces for `items` items when a piece must hold at least `min_per_piece`
// to pay for its thread: from 1 to WorkerCount().
inline size_t PiecesFor(uint64_t items, uint64_t min_per_piece) {
  return static_cast<size_t>(
      std::clamp<uint64_t>(items / min_per_piece, 1, WorkerCount()));
}

// Calls run(i) for every i in [0, pieces) at once: piece 0 on the calling
// thread, the others on threads of their own. Returns when all are done.
template <typename Run>
void RunPieces(size_t pieces, Run run) {
  std::vector<std::thread> threads;
  for (size_t i = 1; i < pieces; ++i) threads.emplace_back(run, i);
  if (pieces > 0) run(size_t{0});
  for (std::thread& t : threads) t.join();
}

}  // namespace stancegraph::schema
