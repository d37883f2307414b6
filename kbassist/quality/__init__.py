"""Note and article quality: explainable criteria, the classifier, the review queue."""
