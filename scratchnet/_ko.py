"""Korean versions of the book code's messages (see scratchnet.language.message).

Keyed by the English template exactly as the code writes it; the same {names} in both.
tests/test_language.py checks that every template has its entry here, and no entry is left over.
"""

MESSAGES = {
    # _checks.py: what every layer checks first
    "{where}: expected {name} as an array of numbers, got dtype {dtype}":
        "{where}: {name}에는 숫자 배열이 와야 합니다. 받은 dtype: {dtype}",
    "{where}: expected finite {name}, got {bad} of {size} values that are nan or inf "
    "({nan} nan){advice}":
        "{where}: {name}에 nan 또는 inf가 있습니다({size}개 중 {bad}개, nan {nan}개){advice}",
    "{layer}.backward was called before {layer}.forward: "
    "run forward first, it stores what backward needs":
        "{layer}.forward보다 {layer}.backward가 먼저 호출되었습니다: "
        "forward를 먼저 실행하세요. backward에 필요한 값은 forward가 저장합니다",
    "{where}: one-hot labels must have shape ({n}, {c}) to match the scores, got shape {got}":
        "{where}: 원-핫 정답 레이블은 점수와 같은 형상 ({n}, {c})이어야 하는데 받은 레이블의 형상은 "
        "{got}입니다",
    "{where}: expected labels as class indices of shape ({n},) or one-hot of "
    "shape ({n}, {c}), got shape {got}":
        "{where}: 정답 레이블은 클래스 번호(형상 ({n},))나 원-핫(형상 ({n}, {c}))으로 "
        "주어야 합니다. 받은 형상: {got}",
    "{where}: got {labels} labels for {n} samples (labels shape {shape})":
        "{where}: 샘플은 {n}개인데 정답 레이블은 {labels}개입니다 (레이블 형상 {shape})",
    "{where}: class indices must be integers, got dtype {dtype} "
    "(for one-hot labels pass a 2-D array)":
        "{where}: 클래스 번호는 정수여야 합니다. 받은 dtype: {dtype} "
        "(원-핫 레이블이라면 2차원 배열로 넘기세요)",
    "{where}: class indices must lie in 0..{last}, got values from {lo} to {hi}":
        "{where}: 클래스 번호는 0..{last} 안에 있어야 합니다. 받은 값의 범위: {lo}..{hi}",
    # functions.py
    "softmax: expected a 1-D or 2-D array of scores, got shape {got}":
        "softmax: 점수는 1차원 또는 2차원 배열이어야 합니다. 받은 형상: {got}",
    "cross_entropy_error: expected y of shape (N, C), got shape {got}":
        "cross_entropy_error: y의 형상은 (N, C)이어야 하는데 받은 y의 형상은 {got}입니다",
    # gradient.py
    "numerical_gradient: expected x as a numpy array, got {got}":
        "numerical_gradient: x는 넘파이 배열이어야 합니다. 받은 것: {got}",
    "numerical_gradient: x must be a float array, got dtype {dtype}: "
    "an integer array cannot hold x + h, so every gradient would silently be 0":
        "numerical_gradient: x는 부동소수점 배열이어야 합니다(받은 dtype: {dtype}). "
        "정수 배열에는 x + h를 담을 수 없어서 기울기가 모두 조용히 0이 됩니다",
    "numerical_gradient: x must be a contiguous array (try np.ascontiguousarray)":
        "numerical_gradient: x는 연속된 배열이어야 합니다 (np.ascontiguousarray를 써 보세요)",
    "numerical_gradient: f returned a non-finite value (nan or inf)":
        "numerical_gradient: f가 유한하지 않은 값(nan 또는 inf)을 돌려주었습니다",
    "rel_error: shapes differ: {a} vs {b}":
        "rel_error: 형상이 다릅니다: {a} 대 {b}",
    "compare_gradients: keys differ: {a} vs {n}":
        "compare_gradients: 키가 다릅니다: {a} 대 {n}",
    "compare_gradients: {key} has shape {a} vs {n}":
        "compare_gradients: {key}의 형상이 다릅니다: {a} 대 {n}",
    # layers.py
    "scores x":
        "점수 x",
    ": a nan here would make the loss nan. Check the input data, and lower the "
    "learning rate if the weights diverged":
        ": 여기에 nan이 있으면 손실도 nan이 됩니다. 입력 데이터를 확인하고, 가중치가 발산했다면 "
        "학습률을 낮추세요",
    "{layer}.backward: expected dout of shape {want} (the shape of forward's output), "
    "got shape {got}":
        "{layer}.backward: dout의 형상은 순전파 출력과 같은 {want}이어야 하는데 받은 dout의 "
        "형상은 {got}입니다",
    "{layer}: expected W of shape (D, M) and b of shape (M,), got W {W} and b {b}":
        "{layer}: W의 형상은 (D, M), b의 형상은 (M,)이어야 하는데 받은 형상은 W {W}, b {b}입니다",
    "{layer}: expected x with {d} features per sample, shape (N, {d}) or (N, ...) "
    "with {d} values per sample, got shape {got}":
        "{layer}: x는 샘플마다 특징이 {d}개여야 합니다(형상 (N, {d}) 또는 샘플마다 값이 "
        "{d}개인 (N, ...)). 받은 형상: {got}",
    "{layer}: expected scores of shape (N, C), got shape {got} (one sample: x.reshape(1, -1))":
        "{layer}: 점수의 형상은 (N, C)이어야 하는데 받은 점수의 형상은 {got}입니다 "
        "(샘플 하나라면 x.reshape(1, -1))",
    # mnist.py
    "restore it from the project (git checkout -- data/mnist/) "
    "or point data_dir / SCRATCHNET_DATA at a folder holding the four MNIST .gz files":
        "프로젝트에서 되살리거나(git checkout -- data/mnist/) data_dir / SCRATCHNET_DATA가 "
        "MNIST .gz 파일 네 개가 든 폴더를 가리키게 하세요",
    "MNIST file not found: {path}; {restore}":
        "MNIST 파일이 없습니다: {path}. {restore}",
    "MNIST folder not found: {path}; {restore}":
        "MNIST 폴더가 없습니다: {path}. {restore}",
    "{path}: cannot be decompressed ({e}); the file is damaged: {restore}":
        "{path}: 압축을 풀 수 없습니다({e}). 파일이 손상되었습니다: {restore}",
    "{path}: checksum mismatch: SHA-256 of the uncompressed data is {digest}, "
    "expected {sha256}; the file is damaged or not the MNIST release: {restore}":
        "{path}: 체크섬이 맞지 않습니다. 압축을 푼 데이터의 SHA-256은 {sha256}이어야 하는데 "
        "{digest}입니다. 파일이 손상되었거나 MNIST 배포본이 아닙니다: {restore}",
    "{path}: wrong IDX magic number {got}, expected {magic}: {restore}":
        "{path}: IDX 매직 넘버는 {magic}이어야 하는데 {got}입니다: {restore}",
    "{path}: size mismatch: header says {dims} = {want} bytes, file has {got} "
    "(truncated?): {restore}":
        "{path}: 크기가 맞지 않습니다. 헤더로는 {dims} = {want}바이트인데 파일은 {got}바이트입니다"
        "(잘렸나요?): {restore}",
    "{path}: {split} images and labels differ in count: {restore}":
        "{path}: {split} 이미지와 정답 레이블의 개수가 다릅니다: {restore}",
    "{path}: the MNIST cache is damaged ({kind}: {e}); delete this file and load again: "
    "it is rebuilt from the .gz files":
        "{path}: MNIST 캐시가 손상되었습니다({kind}: {e}). 이 파일을 지우고 다시 불러오세요. "
        ".gz 파일에서 다시 만들어집니다",
    "{path}: the MNIST cache holds unexpected arrays; delete this file and load again":
        "{path}: MNIST 캐시에 예상과 다른 배열이 들어 있습니다. 이 파일을 지우고 다시 불러오세요",
    # gradient.py: the gradient-check table
    "param": "매개변수",
    "shape": "형상",
    "error": "오차",
    "verdict": "판정",
    "mean |diff|": "평균 |차이|",
    "ok": "통과",
    "FAIL": "실패",
    "PASS": "통과",
    "FAIL (worst: {name})": "실패 (가장 큰 오차: {name})",
    "{dtype}: h {h:.0e}, floor {floor:.0e}, threshold {threshold:.0e}":
        "{dtype}: h {h:.0e}, 하한 {floor:.0e}, 기준 {threshold:.0e}",
    # training.py
    "loss {loss:.4f}": "손실 {loss:.4f}",
    "iter {i:>6}  loss {loss:.4f}  train acc {train:.4f}":
        "반복 {i:>6}  손실 {loss:.4f}  훈련 정확도 {train:.4f}",
    "  test acc {test:.4f}": "  시험 정확도 {test:.4f}",
    "train: batch_size must be between 1 and {n} (the training set size), got {got}":
        "train: batch_size는 1부터 {n}(훈련 데이터 수) 사이여야 합니다. 받은 값: {got}",
    "train: {x} training samples but {t} labels":
        "train: 훈련 샘플은 {x}개인데 정답 레이블은 {t}개입니다",
    "train: lr must be a positive number, got {lr!r}":
        "train: lr은 양수여야 합니다. 받은 값: {lr!r}",
    "train: the loss became {loss} at iteration {i} (lr {lr:g}): {advice}":
        "train: 반복 {i}에서 손실 = {loss} (lr {lr:g}): {advice}",
    "the weights have diverged. Try a smaller learning rate (a tenth of this one), "
    "check that the inputs are scaled to [0, 1] (load_mnist(normalize=True)) and that "
    "the weights start small (weight_init_std=0.01).":
        "가중치가 발산했습니다. 학습률을 (지금의 10분의 1로) 낮추고, 입력이 [0, 1]로 "
        "정규화되었는지(load_mnist(normalize=True)), 가중치가 작은 값에서 시작하는지"
        "(weight_init_std=0.01) 확인하세요.",
    # two_layer_net.py
    "TwoLayerNet: dtype must be a float type, got {dtype}":
        "TwoLayerNet: dtype은 부동소수점 자료형이어야 합니다. 받은 dtype: {dtype}",
    "TwoLayerNet.accuracy: got {x} samples but {t} labels":
        "TwoLayerNet.accuracy: 샘플은 {x}개인데 정답 레이블은 {t}개입니다",
    "TwoLayerNet.accuracy: the scores contain nan or inf; check the input for "
    "nan/inf and the weights for divergence (try a smaller learning rate)":
        "TwoLayerNet.accuracy: 점수에 nan 또는 inf가 있습니다. 입력에 nan/inf가 없는지, "
        "가중치가 발산하지 않았는지 확인하세요 (학습률을 낮춰 보세요)",
}
