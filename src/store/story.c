/* story.c — MinHash signatures for story-level near-duplicate detection.
 *
 * A wire story republished by several outlets differs in a few words (the
 * dateline, a byline, a trailing sentence).  We compare the sets of word
 * 4-shingles of the bodies: each shingle is hashed once (FNV-1a over its
 * lower-cased words), mixed into two 64-bit values h1, h2, and the
 * PL_MINHASH hash functions are g_i = high 32 bits of (h1 + i * h2) * K
 * (double hashing, Kirsch and Mitzenmacher: two mixes per shingle instead of
 * one per function).  The fraction of equal slots of two signatures
 * estimates the Jaccard similarity of the shingle sets.  Candidates are found
 * by locality-sensitive hashing: the signature is cut into PL_BANDS bands of
 * 6 values; articles sharing a band hash are compared (store.c).  A pair with
 * similarity J becomes a candidate with probability 1 - (1 - J^6)^10:
 * 0.9995 at J = 0.9, 0.95 at 0.8, 0.71 at 0.7. */
#include "store/store_internal.h"

#include <string.h>

static uint64_t mix64(uint64_t z)
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

#define SHINGLE 4

/* Word boundaries: ASCII letters and digits and every non-ASCII byte are
 * word characters; words are lower-cased (ASCII). */
int pl_minhash(const char *text, size_t len, uint32_t sig[PL_MINHASH])
{
    uint64_t words[SHINGLE];   /* hashes of the last SHINGLE words (ring) */
    size_t nwords = 0, nshingles = 0;
    for (int i = 0; i < PL_MINHASH; i++) sig[i] = UINT32_MAX;
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    while (p < end) {
        while (p < end && !(pl_isalnum(*p) || *p >= 0x80)) p++;
        if (p >= end) break;
        uint64_t h = 1469598103934665603ULL;
        while (p < end && (pl_isalnum(*p) || *p >= 0x80)) {
            h ^= (unsigned char)pl_lower(*p++);
            h *= 1099511628211ULL;
        }
        words[nwords % SHINGLE] = h;
        nwords++;
        if (nwords < SHINGLE) continue;
        uint64_t sh = 0;
        for (size_t k = nwords - SHINGLE; k < nwords; k++) sh = mix64(sh ^ words[k % SHINGLE]);
        uint64_t h1 = mix64(sh), h2 = mix64(sh ^ 0x632be59bd9b4e019ULL) | 1;
        for (int i = 0; i < PL_MINHASH; i++) {
            uint32_t v = (uint32_t)(((h1 + (uint64_t)i * h2) * 0x9e3779b97f4a7c15ULL) >> 32);
            if (v < sig[i]) sig[i] = v;
        }
        nshingles++;
    }
    if (nwords > 0 && nwords < SHINGLE) {   /* short text: the words are the one shingle */
        uint64_t sh = 0;
        for (size_t k = 0; k < nwords; k++) sh = mix64(sh ^ words[k]);
        uint64_t h1 = mix64(sh), h2 = mix64(sh ^ 0x632be59bd9b4e019ULL) | 1;
        for (int i = 0; i < PL_MINHASH; i++)
            sig[i] = (uint32_t)(((h1 + (uint64_t)i * h2) * 0x9e3779b97f4a7c15ULL) >> 32);
        nshingles = 1;
    }
    return nshingles > 0;
}

uint64_t pl_band_hash(const uint32_t sig[PL_MINHASH], int band)
{
    const int rows = PL_MINHASH / PL_BANDS;
    uint64_t h = mix64((uint64_t)band + 1);
    for (int i = 0; i < rows; i++) h = mix64(h ^ sig[band * rows + i]);
    return h >> 33;  /* 31 bits: a small positive SQLite integer (collisions are verified) */
}
