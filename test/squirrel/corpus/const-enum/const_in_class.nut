const DEFAULT_SIZE = 4;
class Buf {
  size = DEFAULT_SIZE;
  function twice() { return size * 2; }
}
print(Buf().size);
print(Buf().twice());
