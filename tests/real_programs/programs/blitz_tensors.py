# Source: PyTorch Tutorials, "Deep Learning with PyTorch: A 60 Minute Blitz - Tensors"
#   (beginner_source/blitz/tensor_tutorial.py) https://pytorch.org/tutorials/beginner/blitz/tensor_tutorial.html
# Licence: BSD 3-Clause (pytorch/tutorials). Written anew in the spirit of the source, not copied.
# Changed: torch.rand results replaced by fixed values.
import numpy as np
import torch

from _fixed import fixed

data = [[1, 2], [3, 4]]
x_data = torch.tensor(data)
print(x_data)
x_np = torch.from_numpy(np.array(data))
x_ones = torch.ones_like(x_data)
print(f"Ones Tensor: \n {x_ones} \n")
x_rand = torch.rand_like(x_data, dtype=torch.float)
print(x_rand.dtype, x_rand.shape, bool(((x_rand >= 0) & (x_rand < 1)).all()))

shape = (2, 3,)
print(f"Random Tensor: \n {fixed(*shape)} \n")
print(f"Ones Tensor: \n {torch.ones(shape)} \n")
print(f"Zeros Tensor: \n {torch.zeros(shape)}")

tensor = fixed(3, 4)
print(f"Shape of tensor: {tensor.shape}")
print(f"Datatype of tensor: {tensor.dtype}")
print(f"Device tensor is stored on: {tensor.device}")
if torch.cuda.is_available():
    tensor = tensor.to("cuda")
    print(f"Device tensor is stored on: {tensor.device}")

tensor = torch.ones(4, 4)
tensor[:, 1] = 0
print(tensor)
t1 = torch.cat([tensor, tensor, tensor], dim=1)
print(t1)
print(f"tensor.mul(tensor) \n {tensor.mul(tensor)} \n")
print(f"tensor * tensor \n {tensor * tensor}")
print(f"tensor.matmul(tensor.T) \n {tensor.matmul(tensor.T)} \n")
print(f"tensor @ tensor.T \n {tensor @ tensor.T}")
print(tensor, "\n")
tensor.add_(5)
print(tensor)

t = torch.ones(5)
n = t.numpy()
t.add_(1)
print(f"t: {t}")
print(f"n: {n}")
