# Parley — plain GNU Make build.  See README.md and docs/design.md.
#
#   make            library (build/libparley.a) and CLI (build/parley)
#   make check      all tests (unit tests, case files, CLI tests)
#   make asan       the same tests under AddressSanitizer + UBSan (build-asan/)
#   make demo       code the bundled samples and print their events
#   make bench      benchmarks (throughput and peak memory)
#   make eval       PETRARCH and TABARI suites, the project's news cases
#   make fuzz       build the libFuzzer harnesses (clang); make fuzz-smoke runs each briefly
#   make deps       install the Debian packages the build needs

CC      ?= cc
BUILD   ?= build
OPT     ?= -O2 -g
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CFLAGS  += -std=c17 -D_GNU_SOURCE $(OPT) $(WARN) -Iinclude -Isrc -Isrc/util -I$(BUILD)/gen
LDLIBS  += -lsqlite3 -lgumbo -ljansson -lz -lm -lpthread

# build and tests; clang + its runtime for the fuzz harnesses.  (wordnet-base,
# iso-codes and festlex-poslex are sources of generated data files, which are
# committed: only tools/gen_*.py need them.)
DEBIAN_PACKAGES := build-essential libsqlite3-dev libgumbo-dev libjansson-dev zlib1g-dev \
                   python3 clang libclang-rt-14-dev

LIB_SRC  := $(sort $(wildcard src/*/*.c))
CLI_SRC  := $(sort $(wildcard cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/*.c))
DATA     := $(sort $(shell cd data && find . -type f \( -name '*.txt' -o -name '*.tsv' \) | sed 's|^\./||'))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/embedded.o
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)

.PHONY: all check test asan demo bench eval fuzz fuzz-smoke deps clean

all: $(BUILD)/parley $(BUILD)/test_unit

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c17 -O1 -Wall -Wextra -Werror $< -o $@

$(BUILD)/gen/embedded.c: $(BUILD)/tools/embed $(addprefix data/,$(DATA))
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed $@ data $(DATA)

$(BUILD)/gen/embedded.o: $(BUILD)/gen/embedded.c
	$(CC) $(CFLAGS) -Isrc/util -O0 -g0 -c $< -o $@

$(BUILD)/libparley.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/parley: $(CLI_OBJ) $(BUILD)/libparley.a
	$(CC) $(CFLAGS) $(LDFLAGS) $^ $(LDLIBS) -o $@

$(BUILD)/test_unit: $(TEST_OBJ) $(BUILD)/libparley.a
	$(CC) $(CFLAGS) $(LDFLAGS) $^ $(LDLIBS) -o $@

# The CLI must use only the public header: cli/ is compiled without src/.
$(CLI_OBJ): CFLAGS := $(filter-out -Isrc -Isrc/util -I$(BUILD)/gen,$(CFLAGS))

check test: all
	tests/run-all.sh $(BUILD)

asan:
	$(MAKE) BUILD=build-asan OPT="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	    LDFLAGS="-fsanitize=address,undefined" check

demo: $(BUILD)/parley
	@echo "== parley read samples/ (first article) =="
	@$(BUILD)/parley read samples/text/ | head -n 1 | cut -c1-600
	@echo
	@echo "== parley code samples/ =="
	$(BUILD)/parley code --format table samples/

bench: $(BUILD)/parley
	bench/run.sh $(BUILD)

# the peers' validation suites and the project's news cases (reads ../shared/eval)
eval: $(BUILD)/parley
	tools/eval_suites.sh $(BUILD)
	tools/eval_news.sh $(BUILD) -q
	@echo "== held-out blind set (tests/cases/news-blind) =="
	tools/eval_news.sh $(BUILD) -q tests/cases/news-blind/*.txt
	@echo "== wire-news development set (tests/cases/news-wire) =="
	tools/eval_news.sh $(BUILD) -q tests/cases/news-wire/*.txt

fuzz:
	$(MAKE) -C fuzz

# every harness for a few seconds on its seed corpus (CI)
fuzz-smoke:
	$(MAKE) -C fuzz run T=$(or $(T),8)

deps:
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing; fi

clean:
	rm -rf build build-asan build-fuzz

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
