using ContainerFactory.Runtime.Network;

namespace ContainerFactory.Runtime.Tests.Network;

public sealed class HostPortAllocatorTests
{
    public static TheoryData<PortBinding[], string[], string> Table => new()
    {
        // bindings, reserved keys → mappings as "proto hostIP:hostPort->containerPort" joined by ", "
        { [new("tcp", 8080, 0, 80)], [], "tcp *:8080->80" },
        { [new("tcp", 8080, 8080, 80)], [], "tcp *:8080->80" },
        { [new("TCP", 8080, 0, 80, "0.0.0.0")], [], "tcp *:8080->80" },
        { [new("", 53, 0, 53, "127.0.0.1"), new("udp", 53, 0, 53, "127.0.0.1")], [], "tcp 127.0.0.1:53->53, udp 127.0.0.1:53->53" },
        { [new("tcp", 5000, 5005, 80)], [], "tcp *:5000->80" },
        { [new("tcp", 5000, 5005, 80)], ["tcp/5000", "tcp/5001", "udp/5002"], "tcp *:5002->80" },
        { [new("tcp", 5000, 5002, 80), new("tcp", 5000, 5002, 81)], [], "tcp *:5000->80, tcp *:5001->81" },
        { [new("udp", 5000, 5001, 80)], ["tcp/5000"], "udp *:5000->80" },
        { [new("tcp", 0, 0, 80)], ["tcp/49153"], "tcp *:49154->80" },
        { [new("sctp", 9000, 0, 9000, "::1")], [], "sctp ::1:9000->9000" },
        { [], ["tcp/1"], "" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Allocate_Bindings_MapsOneHostPortPerBindingLikeLibnetwork(PortBinding[] bindings, string[] reserved, string expected)
    {
        IReadOnlyList<PortMapping> mappings = HostPortAllocator.Allocate(bindings, reserved.ToHashSet()).Value;

        Assert.Equal(expected, string.Join(", ", mappings.Select(m => $"{m.Protocol} {m.HostIP ?? "*"}:{m.HostPort}->{m.ContainerPort}")));
    }

    public static TheoryData<PortBinding, string[], RuntimeError> Failures => new()
    {
        { new("tcp", 8080, 0, 80), ["tcp/8080"], new(RuntimeErrorKind.AlreadyExists, "host port tcp/8080 is already allocated") },
        { new("tcp", 8080, 8081, 80), ["tcp/8080", "tcp/8081"], new(RuntimeErrorKind.AlreadyExists, "every host port of tcp/8080-8081 is already allocated") },
        { new("icmp", 8080, 0, 80), [], new(RuntimeErrorKind.InvalidArgument, "unsupported port mapping protocol \"icmp\"") },
        { new("tcp", 8080, 0, 0), [], new(RuntimeErrorKind.InvalidArgument, "container port 0 is outside 1-65535") },
        { new("tcp", 8080, 0, 65536), [], new(RuntimeErrorKind.InvalidArgument, "container port 65536 is outside 1-65535") },
        { new("tcp", 8081, 8080, 80), [], new(RuntimeErrorKind.InvalidArgument, "invalid host port range 8081-8080") },
        { new("tcp", 0, 8080, 80), [], new(RuntimeErrorKind.InvalidArgument, "invalid host port range 0-8080") },
        { new("tcp", 70000, 0, 80), [], new(RuntimeErrorKind.InvalidArgument, "invalid host port range 70000-0") },
        { new("tcp", 8080, 0, 80, "localhost"), [], new(RuntimeErrorKind.InvalidArgument, "host IP \"localhost\" is not an IP address") },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Allocate_BadOrTakenBinding_FailsWithKindAndMessage(PortBinding binding, string[] reserved, RuntimeError expected)
    {
        RuntimeResult<IReadOnlyList<PortMapping>> result = HostPortAllocator.Allocate([binding], reserved.ToHashSet());

        Assert.Equal(expected, result.Error);
    }
}
