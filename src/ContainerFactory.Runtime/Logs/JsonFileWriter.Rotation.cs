namespace ContainerFactory.Runtime.Logs;

public sealed partial class JsonFileWriter
{
    /// <summary>
    /// Flushes and fsyncs the full file, shifts the rotated files up by one (only those that exist, so a large
    /// maxFiles costs nothing), renames <c>json.log</c> to <c>json.log.1</c> and starts an empty <c>json.log</c>.
    /// With maxFiles 1 the file is truncated. On failure the current file stays open and keeps growing.
    /// </summary>
    private RuntimeResult Rotate()
    {
        FileStream file = _file!;
        RuntimeResult flushed = Flush();
        try
        {
            file.Flush(flushToDisk: true);
            if (_maxFiles >= 2)
            {
                ShiftRotatedFiles();
                File.Move(_path, RotatedPath(1), overwrite: true);
            }

            // FileMode.Create truncates: the new file after a rename, or the only file with maxFiles 1.
            _file = OpenFile(_path, FileMode.Create);
            file.Dispose();
            _size = 0;
            return flushed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _size = SafeLength(file);
            return new RuntimeError(RuntimeErrorKind.Internal, $"cannot rotate {_path}: {e.Message}");
        }
    }

    /// <summary><c>json.log.(i-1)</c> → <c>json.log.i</c> for i from the first missing index (at most maxFiles-1) down to 2.</summary>
    private void ShiftRotatedFiles()
    {
        int top = 1;
        while (top < _maxFiles - 1 && File.Exists(RotatedPath(top)))
        {
            top++;
        }

        for (int i = top; i >= 2; i--)
        {
            if (File.Exists(RotatedPath(i - 1)))
            {
                File.Move(RotatedPath(i - 1), RotatedPath(i), overwrite: true);
            }
        }
    }

    private string RotatedPath(int index) => $"{_path}.{index}";
}
