# container-factory — build, test and publish.
# `make run` and `make test` set up everything on a fresh Debian 12 machine (as root).
SHELL := /bin/bash
RID ?= linux-x64
STATE ?= $(CURDIR)/.state
BIN := $(CURDIR)/out/$(RID)/container-factory
# `make install`: where (DESTDIR stages a tree for an image or a device) and which binary.
DESTDIR ?=
PREFIX ?= /usr
UNITDIR ?= /lib/systemd/system
INSTALL_BIN ?= $(BIN)
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: build test unit publish publish-bullseye smoke smoke-arm64 install bench run env env-down clean

build:
	dotnet build ContainerFactory.Aot.sln -nologo -v:q

## Unit tests only (no daemons).
unit:
	build/test.sh unit

## Everything: unit tests, the test environment (containerd, registry, mosquitto), integration tests, AOT smoke test.
test:
	build/test.sh all

## RID=linux-x64|linux-arm64|linux-arm into out/$(RID); SYSROOT=DIR links a cross RID against DIR's libc.
publish:
	SYSROOT="$(SYSROOT)" build/publish.sh $(RID)

## linux-arm64 linked against Debian bullseye's glibc (needs ≤ 2.31): out/linux-arm64-bullseye. See cross/README.md.
publish-bullseye:
	cross/publish-bullseye.sh $(CURDIR)/out/linux-arm64-bullseye

## Both linux-arm64 binaries under qemu-user: version, validate, check against the local stack.
smoke-arm64: env
	OUT_DIR=$(CURDIR)/out/linux-arm64 build/publish.sh linux-arm64
	cross/publish-bullseye.sh $(CURDIR)/out/linux-arm64-bullseye
	cross/smoke.sh

## Binary, systemd unit and default config (an existing config is kept): DESTDIR, PREFIX, UNITDIR, INSTALL_BIN.
install:
	DESTDIR="$(DESTDIR)" PREFIX="$(PREFIX)" UNITDIR="$(UNITDIR)" build/install.sh "$(INSTALL_BIN)"

## Drives the published native binary (version, validate).
smoke: publish
	CF_BINARY=$(BIN) build/test.sh smoke

bench:
	dotnet run -c Release --project tests/ContainerFactory.Benchmarks -- --filter '*' $(BENCH_ARGS)

## Starts the local stack (containerd, registry, mosquitto) under .state/.
env:
	build/env/install.sh
	build/env/up.sh $(STATE)

env-down:
	build/env/down.sh $(STATE)

run: env publish
	build/run.sh $(STATE) $(BIN)

clean:
	-build/env/down.sh $(STATE)
	rm -rf out artifacts BenchmarkDotNet.Artifacts
	dotnet clean ContainerFactory.Aot.sln -nologo -v:q
