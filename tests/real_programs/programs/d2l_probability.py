# Source: Dive into Deep Learning, 2.6 "Probability and Statistics" (PyTorch tab) https://d2l.ai/chapter_preliminaries/probability.html
# Licence: sample code under the modified MIT licence (d2l-ai/d2l-en, LICENSE-SAMPLECODE); book text CC BY-SA 4.0.
#   Written anew in the spirit of the source, not copied.
# Changed: coin tosses and die rolls (torch.distributions.Multinomial samples) replaced by fixed
#   counts, since PyTorch and minigrad draw different random numbers; the estimates are computed from them.
import torch

fair_probs = torch.tensor([0.5, 0.5])
counts = torch.tensor([49.0, 51.0])
print(counts / 100)

tosses = torch.tensor([[i % 2, 1 - i % 2] for i in range(10)] + [[1, 0], [1, 0]], dtype=torch.float32)
cum_counts = tosses.cumsum(dim=0)
estimates = cum_counts / cum_counts.sum(dim=1, keepdims=True)
print(estimates)
print(estimates[-1])

rolls = torch.tensor([(i * 5 + 2) % 6 for i in range(60)])
print(torch.stack([(rolls == k).sum() for k in range(6)]))
probs = torch.ones(6) / 6
print(probs, probs.sum())
print(torch.log(probs))
