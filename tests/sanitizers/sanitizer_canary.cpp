// Proof that the sanitizer build catches what it is there for: with "heap" it reads a freed heap
// block, with "overflow" it overflows a signed int, with "leak" it loses a block. ctest expects
// each to stop with the sanitizer's report (tests/sanitizers/CMakeLists.txt); a build whose
// flags silently lost -fsanitize would let them pass unnoticed, and these tests fail instead.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>

int main(int argc, char** argv)
{
    if (argc != 2)
        return 2;
    volatile int index = 8;
    if (std::strcmp(argv[1], "heap") == 0) {
        int* block = static_cast<int*>(std::malloc(8 * sizeof(int)));
        std::memset(block, 0, 8 * sizeof(int));
        std::free(block);
        // Deliberate: GCC sees it too (-Wuse-after-free); the point is that ASan stops it at run time.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuse-after-free"
        return block[index - 8];  // read after free
#pragma GCC diagnostic pop
    }
    if (std::strcmp(argv[1], "overflow") == 0) {
        volatile int big = std::numeric_limits<int>::max();
        const int sum = big + index;  // signed overflow: undefined
        return sum == 0;
    }
    if (std::strcmp(argv[1], "leak") == 0) {
        void* lost = std::malloc(4096);
        std::printf("%p\n", lost);
        lost = nullptr;
        return 0;
    }
    return 2;
}
