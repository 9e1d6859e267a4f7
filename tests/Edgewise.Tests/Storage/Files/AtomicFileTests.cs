using System.Text;
using Edgewise.Storage.Files;

namespace Edgewise.Tests.Storage.Files;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgewise-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Target => Path.Combine(_dir, "state.json");

    [Fact]
    public void WriteAllText_NewFile_WritesUtf8WithoutBomAndLeavesNoTemporary()
    {
        AtomicFile.WriteAllText(Target, """{"é":1}""");

        // { " é(C3 A9) " : 1 } with no EF BB BF in front.
        Assert.Equal(new byte[] { 0x7B, 0x22, 0xC3, 0xA9, 0x22, 0x3A, 0x31, 0x7D }, File.ReadAllBytes(Target));
        Assert.Equal(["state.json"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void WriteAllBytes_ExistingFile_ReplacesItWhole()
    {
        File.WriteAllText(Target, "old content that is longer than the new one");

        AtomicFile.WriteAllBytes(Target, "new"u8);

        Assert.Equal("new", File.ReadAllText(Target));
    }

    [Fact]
    public void Write_FailureBetweenWriteAndRename_LeavesOldContentAndNoTemporary()
    {
        File.WriteAllText(Target, "old");
        string? seenTemp = null;

        var error = Assert.Throws<IOException>(() => AtomicFile.Write(Target, Encoding.UTF8.GetBytes("new content"), temp =>
        {
            // At the crash point the new content is complete and durable beside the target, which is untouched.
            seenTemp = temp;
            Assert.Equal(_dir, Path.GetDirectoryName(temp));
            Assert.Equal("new content", File.ReadAllText(temp));
            Assert.Equal("old", File.ReadAllText(Target));
            throw new IOException("simulated crash before rename");
        }));

        Assert.Equal("simulated crash before rename", error.Message);
        Assert.Equal("old", File.ReadAllText(Target));
        Assert.NotNull(seenTemp);
        Assert.False(File.Exists(seenTemp));
        Assert.Equal(["state.json"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_FailureOnFirstWrite_LeavesNoFileAtAll()
    {
        Assert.Throws<IOException>(() => AtomicFile.Write(Target, "x"u8, _ => throw new IOException("crash")));

        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void DeleteTemporaryFiles_StrayFromCrashedWrite_DeletesOnlyThatTargetsTemporaries()
    {
        File.WriteAllText(Target, "kept");
        File.WriteAllText(Path.Combine(_dir, ".state.json.0123abcd.tmp"), "half");
        File.WriteAllText(Path.Combine(_dir, ".other.json.0123abcd.tmp"), "someone else's");

        var deleted = AtomicFile.DeleteTemporaryFiles(Target);

        Assert.Equal(1, deleted);
        Assert.Equal([".other.json.0123abcd.tmp", "state.json"], Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WriteAllText_PathIsADirectory_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => AtomicFile.WriteAllText(_dir + Path.DirectorySeparatorChar, "x"));

        Assert.Contains("names a directory", error.Message, StringComparison.Ordinal);
    }
}
