# container-factory — build, test and publish.
# `make run` and `make test` set up everything on a fresh Debian 12 machine (as root).
SHELL := /bin/bash
RID ?= linux-x64
STATE ?= $(CURDIR)/.state
BIN := $(CURDIR)/out/$(RID)/container-factory
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1

.PHONY: build test unit publish smoke bench run env env-down clean

build:
	dotnet build ContainerFactory.Aot.sln -nologo -v:q

## Unit tests only (no daemons).
unit:
	build/test.sh unit

## Everything: unit tests, the test environment (containerd, registry, mosquitto), integration tests, AOT smoke test.
test:
	build/test.sh all

publish:
	build/publish.sh $(RID)

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
