using System.Text;
using ContainerFactory.Runtime.Oci;

namespace ContainerFactory.Runtime.Tests.Oci;

/// <summary>Compact spec JSON as text, for exact assertions on small specs.</summary>
internal static class OciText
{
    public static string Json(OciSpec spec) => Encoding.UTF8.GetString(OciSpecJson.Serialize(spec));
}
