/* output.h — event output pieces shared by the coder's writers and the
 * store's exports. */
#ifndef PL_OUTPUT_H
#define PL_OUTPUT_H

#include "json.h"
#include "parley.h"

/* Writes the event's fields from "date" to "sentence" (date, source, target,
 * code, root, quad, goldstein, plover, mode, source_text, target_text,
 * verb_text, sentence) as keys of the open JSON object. */
void pl_event_json_fields(pl_json *j, const parley_event *ev);

#endif
