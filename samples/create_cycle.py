# Reference cycles are never freed by reference counting; gc.collect() finds
# them and returns how many unreachable objects it collected.
import gc


def create_cycle():
    list_ = [1, 2, 3]
    list_.append(list_)  # the list refers to itself


def main():
    gc.collect()  # start from a clean heap
    print("Creating garbage...")
    for i in range(8):
        create_cycle()
    print("Collecting...")
    n = gc.collect()
    print("Number of unreachable objects collected by GC:", n)
    print("Uncollectable garbage:", gc.garbage)


if __name__ == "__main__":
    main()
