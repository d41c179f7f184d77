/* mirror.h — the CAMEO mirror table (data/cameo/mirror.tsv, embedded): the
 * code of an appeal (02), intent (03), demand (10) or threat (13) whose
 * content is a given action code ("pledged to lift sanctions": 085 -> 0354). */
#ifndef PL_CAMEO_MIRROR_H
#define PL_CAMEO_MIRROR_H

/* Families: the root of the governing expression. */
enum { PL_MIRROR_APPEAL = 2, PL_MIRROR_INTENT = 3, PL_MIRROR_DEMAND = 10, PL_MIRROR_THREAT = 13 };

/* The mirrored code of action `code` in `family`, or NULL (no mirror, or not
 * a family).  A four-digit code without a row of its own takes its
 * three-digit parent's.  *line (may be NULL) gets the row's line in
 * mirror.tsv.  Thread-safe; the result is static. */
const char *pl_cameo_mirror(const char *code, int family, unsigned *line);

/* The verb block name that codes the complements of a frame of `family`
 * without a verb of that family ("said it would ..."), or NULL. */
const char *pl_cameo_frame_block(int family);

#endif
