# Instantiating a class that still has abstract methods.
from abc import ABC, abstractmethod


class Base(ABC):
    @abstractmethod
    def run(self):
        pass

    @abstractmethod
    def stop(self):
        pass


class Half(Base):
    def run(self):
        return "running"


print("start")
Half()
