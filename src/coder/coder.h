/* coder.h — private pieces of the event coder shared between its files. */
#ifndef PL_CODER_H
#define PL_CODER_H

#include "dict/dict.h"
#include "parser/parser.h"

/* yyyymmdd of a date, 0 when unknown. */
static inline int32_t pl_date_key(const parley_datetime *dt)
{
    if (!dt || dt->year <= 0) return 0;
    return dt->year * 10000 + dt->month * 100 + dt->day;
}

#endif
