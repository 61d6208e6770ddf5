using ImagesApi = ContainerFactory.Runtime.Containerd.Api.Images;

namespace ContainerFactory.Runtime.Containerd;

/// <summary><see cref="IImageStore"/> over containerd's Images service.</summary>
internal sealed class GrpcImageStore(ImagesApi.Images.ImagesClient client, ContainerdCaller caller) : IImageStore
{
    public Task<RuntimeResult<ImageRecord>> GetAsync(string name, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Images/Get",
            () => client.GetAsync(new ImagesApi.GetImageRequest { Name = name }, caller.Unary(cancellationToken)),
            r => FromProto(r.Image));

    public Task<RuntimeResult<IReadOnlyList<ImageRecord>>> ListAsync(
        IReadOnlyList<string>? filters = null, CancellationToken cancellationToken = default)
    {
        var request = new ImagesApi.ListImagesRequest();
        request.Filters.AddRange(filters ?? []);
        return caller.InvokeAsync<ImagesApi.ListImagesResponse, IReadOnlyList<ImageRecord>>(
            "Images/List",
            () => client.ListAsync(request, caller.Unary(cancellationToken)),
            r => [.. r.Images.Select(FromProto)]);
    }

    public Task<RuntimeResult<ImageRecord>> CreateAsync(ImageRecord image, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Images/Create",
            () => client.CreateAsync(new ImagesApi.CreateImageRequest { Image = ToProto(image) }, caller.Unary(cancellationToken)),
            r => FromProto(r.Image));

    public Task<RuntimeResult<ImageRecord>> UpdateAsync(ImageRecord image, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Images/Update",
            () => client.UpdateAsync(new ImagesApi.UpdateImageRequest { Image = ToProto(image) }, caller.Unary(cancellationToken)),
            r => FromProto(r.Image));

    public Task<RuntimeResult> DeleteAsync(string name, bool sync = false, CancellationToken cancellationToken = default) =>
        caller.InvokeAsync(
            "Images/Delete",
            () => client.DeleteAsync(new ImagesApi.DeleteImageRequest { Name = name, Sync = sync }, caller.Unary(cancellationToken)));

    // created_at/updated_at stay unset: the server fills them in (notes §1).
    private static ImagesApi.Image ToProto(ImageRecord image)
    {
        var proto = new ImagesApi.Image { Name = image.Name, Target = ProtoMapping.ToProto(image.Target) };
        ProtoMapping.AddAll(proto.Labels, image.Labels);
        return proto;
    }

    private static ImageRecord FromProto(ImagesApi.Image image) =>
        new(image.Name, ProtoMapping.FromProto(image.Target))
        {
            Labels = ProtoMapping.Copy(image.Labels),
            CreatedAt = ProtoMapping.FromProto(image.CreatedAt),
            UpdatedAt = ProtoMapping.FromProto(image.UpdatedAt),
        };
}
