SUMMARY = "container-factory: containers on an edge gateway, managed from the cloud over MQTT"
DESCRIPTION = "One Native AOT binary (no .NET runtime on the target) that serves Eclipse Ditto container \
commands over MQTT and runs the containers on containerd, with CNI bridge networking."
# No license has been chosen for the product yet; set it (and LIC_FILES_CHKSUM) when it is.
LICENSE = "CLOSED"

# The PREBUILT binary (this recipe compiles nothing). By default it is taken from the repository's out/ folder:
#   aarch64  make publish-bullseye            -> out/linux-arm64-bullseye (glibc >= 2.31)
#   x86-64   make publish RID=linux-x64       -> out/linux-x64
#   arm      make publish RID=linux-arm       -> out/linux-arm (ARMv7 hard-float; needs the linux-arm packs)
# or from a release, e.g. in local.conf or a bbappend:
#   CONTAINER_FACTORY_BINARY = "https://example.com/container-factory/v${PV}/container-factory-linux-arm64;downloadfilename=container-factory;name=bin"
#   SRC_URI[bin.sha256sum] = "<sha256 of the file>"
# A copy of this recipe outside the repository finds the three files in its own files/ folder.
CONTAINER_FACTORY_BINARY ?= "file://container-factory"
SRC_URI = "${CONTAINER_FACTORY_BINARY} \
           file://container-factory.service \
           file://config.json"
FILESEXTRAPATHS:prepend := "${THISDIR}/../systemd:"
FILESEXTRAPATHS:prepend:aarch64 := "${THISDIR}/../../out/linux-arm64-bullseye:"
FILESEXTRAPATHS:prepend:x86-64 := "${THISDIR}/../../out/linux-x64:"
FILESEXTRAPATHS:prepend:arm := "${THISDIR}/../../out/linux-arm:"

COMPATIBLE_HOST = "(aarch64|x86_64|arm).*-linux"
S = "${UNPACKDIR}"

inherit systemd
SYSTEMD_SERVICE:${PN} = "container-factory.service"
SYSTEMD_AUTO_ENABLE:${PN} = "enable"

do_configure[noexec] = "1"
do_compile[noexec] = "1"

do_install() {
    install -D -m 0755 ${UNPACKDIR}/container-factory ${D}${bindir}/container-factory
    install -D -m 0644 ${UNPACKDIR}/container-factory.service ${D}${systemd_system_unitdir}/container-factory.service
    sed -i 's#/usr/bin/container-factory#${bindir}/container-factory#g' ${D}${systemd_system_unitdir}/container-factory.service
    # The configuration will hold the broker credentials. meta-virtualization's cni installs the plugins in
    # ${libexecdir}/cni, not Debian's /usr/lib/cni.
    install -D -m 0600 ${UNPACKDIR}/config.json ${D}${sysconfdir}/container-factory/config.json
    sed -i 's#"/usr/lib/cni"#"${libexecdir}/cni"#' ${D}${sysconfdir}/container-factory/config.json
}

CONFFILES:${PN} = "${sysconfdir}/container-factory/config.json"

# meta-virtualization: containerd, runc, the CNI plugins (bridge, host-local, portmap, loopback); meta-networking:
# the local broker (drop it with RDEPENDS:${PN}:remove = "mosquitto" when the broker is elsewhere).
RDEPENDS:${PN} = "containerd-opencontainers runc-opencontainers cni mosquitto"

# Published with StripSymbols; it needs only libc, libm and the dynamic loader.
INSANE_SKIP:${PN} += "already-stripped"
